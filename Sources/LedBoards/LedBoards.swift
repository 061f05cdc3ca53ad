// LedBoards: the LED counter boards on serial lines.
//
// - BoardLine.swift ............. the boards sharing one serial path, and what each shows now
// - BoardPanel.swift ............ the lines' state, changed one step at a time: frames, reopening, incidents
// - LedBoardService.swift ....... the Service: shows each counter's number on every call, blanks it when the
//                                  counter closes, reopens a board that went away
// - BoardSnapshot.swift ......... a board as the devices list shows it
