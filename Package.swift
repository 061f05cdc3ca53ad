// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "motcua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "motcua", targets: ["MotCua"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
    ],
    targets: [
        // The queue rules: services, counters, tickets, the calling policy, the day. No I/O.
        .target(name: "QueueCore", swiftSettings: swiftSettings),
        // How a SQLite file that must keep what it acknowledged is opened (WAL, synchronous=FULL): the
        // queue's store and the reference workflow core's both.
        .target(
            name: "DurableSQLite",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // Durable state: GRDB migrations, the day's rows, the event log and the outbox.
        .target(
            name: "Store",
            dependencies: [
                "QueueCore", "DurableSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The configuration file: parsing, validation, environment overrides, the demo office.
        .target(
            name: "MotCuaConfig",
            dependencies: [
                "QueueCore",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The single writer: applies queue operations, commits them in groups, fans events out.
        .target(
            name: "QueueService",
            dependencies: [
                "QueueCore", "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP API, SSE, metrics, auth; also served on the control socket.
        .target(
            name: "Web",
            dependencies: [
                "QueueCore", "QueueService", "Store", "QRCode", "PrintLayout", "Printing", "MotCuaConfig", "WorkflowLink", "WorkflowProtocol", "LedBoards", "InputDevices", "Udev", "Announcements", "Voice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        // The reference workflow core's rules: dossier statuses and stages, working-time calendar, appointment dates. No I/O.
        .target(name: "Workflow", dependencies: ["QueueCore"], swiftSettings: swiftSettings),
        // QR codes for tickets and kiosk screens: byte-mode encoding, SVG and PBM output. No dependencies.
        .target(name: "QRCode", swiftSettings: swiftSettings),
        // The workflow socket's wire types and framing (JSON-RPC 2.0, NDJSON), shared by both ends. No I/O.
        .target(name: "WorkflowProtocol", swiftSettings: swiftSettings),
        // The reference workflow core's storage and request handling: events stored once, dossiers, the demo set.
        .target(
            name: "WorkflowCore",
            dependencies: [
                "Workflow", "WorkflowProtocol", "QueueCore", "DurableSQLite",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // The reference workflow core on its Unix socket: a Service over NIO async channels.
        .target(
            name: "WorkflowServer",
            dependencies: [
                "WorkflowCore", "WorkflowProtocol",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The daemon's end of the workflow socket: outbox delivery, lookups with a cache, the core's requests.
        .target(
            name: "WorkflowLink",
            dependencies: [
                "WorkflowProtocol", "Store", "QueueService", "QueueCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: printing (pure) — ESC/POS commands and Vietnamese text encodings. No I/O.
        .target(name: "EscPos", swiftSettings: swiftSettings),
        // Device models as data (Devices/*.json): printers now, boards, scanners and keypads later.
        .target(name: "DeviceProfiles", swiftSettings: swiftSettings),
        // FreeType 2 (Debian's libfreetype-dev); its include path comes from freetype2.pc (pkgconf).
        .systemLibrary(
            name: "CFreeType", path: "Sources/CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev", "pkgconf"])]
        ),
        // Text to 1-bit bitmaps (FreeType, mono hinting), and those bitmaps to PBM, PNG and PDF.
        .target(name: "Raster", dependencies: ["CFreeType"], swiftSettings: swiftSettings),
        // Ticket and slip layouts (Templates/printing) → ESC/POS commands for a printer model, and back to a picture.
        .target(
            name: "PrintLayout",
            dependencies: [
                "EscPos", "DeviceProfiles", "Raster", "QRCode", "QueueCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: printing (CUPS) — libcups behind a system-library target, and the Swift layer over it.
        .systemLibrary(name: "CCups", path: "Sources/CCups"),
        .target(
            name: "Cups",
            dependencies: ["CCups"],
            swiftSettings: swiftSettings
        ),
        // The office's printers at run time: ticket printing with fail-over, health, incidents and events.
        .target(
            name: "Printing",
            dependencies: [
                "Cups", "PrintLayout", "Raster", "DeviceProfiles", "MotCuaConfig", "QueueService", "QueueCore", "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // libudev (Debian's libudev-dev, libudev.pc): enumeration and the netlink monitor.
        .systemLibrary(name: "CUdev", path: "Sources/CUdev", pkgConfig: "libudev", providers: [.apt(["libudev-dev"])]),
        // What is plugged in, matched to Devices/, followed through udev.
        .target(
            name: "Udev",
            dependencies: [
                "CUdev", "DeviceProfiles",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Barcode scanners and counter keypads through evdev.
        .target(
            name: "InputDevices",
            dependencies: [
                "DeviceProfiles", "Serial", "MotCuaConfig", "QueueService", "QueueCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // Serial ports opened raw (termios), for LED boards and serial-mode scanners.
        .target(name: "Serial", dependencies: ["DeviceProfiles"], swiftSettings: swiftSettings),
        // The LED counter boards on serial lines: frames from Devices/boards, reopened when they come back.
        .target(
            name: "LedBoards",
            dependencies: [
                "DeviceProfiles", "Serial", "MotCuaConfig", "QueueService", "QueueCore", "Store",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // MARK: voice — the hall announcements.
        // The words of an announcement (Templates/announcements), Vietnamese and English number reading, and
        // the order calls are spoken in. No I/O.
        .target(
            name: "Announcements",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // The announcements' sound (espeak-ng, sox, a cache) and the announcer that speaks every call.
        .target(
            name: "Voice",
            dependencies: [
                "Announcements", "QueueService", "QueueCore", "Store",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MotCua",
            dependencies: [
                "QueueCore", "QueueService", "MotCuaConfig", "Web", "Store",
                "Workflow", "WorkflowCore", "WorkflowServer", "WorkflowLink", "WorkflowProtocol",
                "Printing", "PrintLayout", "DeviceProfiles", "Cups", "EscPos", "Raster", "LedBoards", "InputDevices", "Udev", "Announcements", "Voice",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "QueueCoreTests", dependencies: ["QueueCore"], swiftSettings: swiftSettings),
        .testTarget(name: "AnnouncementsTests", dependencies: ["Announcements"], swiftSettings: swiftSettings),
        .testTarget(
            name: "VoiceTests",
            dependencies: ["Voice", "Announcements", "QueueService", "QueueCore", "Store"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "StoreTests", dependencies: ["Store", "QueueCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "QueueServiceTests",
            dependencies: ["QueueService", "Store", "QueueCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "MotCuaConfigTests", dependencies: ["MotCuaConfig", "QueueCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "QueueService", "MotCuaConfig", "Store", "QueueCore", "Voice", "Announcements",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "QueueCore"], swiftSettings: swiftSettings),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"], swiftSettings: swiftSettings),
        .testTarget(name: "EscPosTests", dependencies: ["EscPos"], swiftSettings: swiftSettings),
        .testTarget(name: "DeviceProfilesTests", dependencies: ["DeviceProfiles"], swiftSettings: swiftSettings),
        // A private cupsd, socat printers and an ippeveprinter for the CUPS and end-to-end printing tests.
        .target(name: "CupsTestSupport", dependencies: ["Cups"], path: "Tests/CupsTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "CupsTests", dependencies: ["Cups", "CupsTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "PrintLayoutTests",
            dependencies: ["PrintLayout", "EscPos", "DeviceProfiles", "Raster", "QueueCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "PrintingTests", dependencies: ["Printing", "Cups"], swiftSettings: swiftSettings),
        .testTarget(name: "SerialTests", dependencies: ["Serial", "DeviceProfiles"], swiftSettings: swiftSettings),
        .testTarget(name: "UdevTests", dependencies: ["Udev", "DeviceProfiles"], swiftSettings: swiftSettings),
        .testTarget(name: "InputDevicesTests", dependencies: ["InputDevices", "DeviceProfiles", "QueueCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "RasterTests", dependencies: ["Raster"], resources: [.copy("Resources")], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkflowProtocolTests", dependencies: ["WorkflowProtocol", "QueueCore"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkflowCoreTests",
            dependencies: ["WorkflowCore", "Workflow", "WorkflowProtocol", "QueueCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkflowLinkTests",
            dependencies: ["WorkflowLink", "WorkflowProtocol", "WorkflowCore", "Workflow", "Store", "QueueService", "QueueCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "CupsTestSupport", "Cups", "EscPos",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
