// PrintLayout: what a ticket or slip looks like on paper, as data, and how it becomes printer bytes.
//
// - PrintTemplate.swift ........ a template from Templates/printing (Mustache, then one directive or text per line)
// - PrintDocument.swift ........ the blocks a template renders to
// - PrintBlock.swift, PrintStyle.swift
// - EscPosRenderer.swift ....... a document on one printer profile → ESC/POS commands (text, code page or raster)
// - EscPosPreview.swift ........ ESC/POS commands → the picture the printer would print (PNG artifacts, checks)
// - TicketPrintData.swift ...... the values a ticket template is given
//
// Pure except for reading the font files through FreeType (Raster).
