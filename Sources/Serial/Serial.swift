// Serial: serial ports opened raw, for the devices on serial lines.
//
// - SerialPort.swift ............ open at a profile's speed, parity and stop bits; write frames, read bytes
// - SerialPortError.swift ....... what failed, on which port, with the system's words
