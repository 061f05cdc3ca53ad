import Foundation
import Prometheus

/// The daemon's Prometheus metrics, in one registry owned by the running office (no global state,
/// so several offices can run side by side in tests).
public final class OfficeMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry = PrometheusCollectorRegistry()
    private let callToPush: DurationHistogram
    private let outboxPending: Gauge
    private let workflowConnected: Gauge
    private let eventsDelivered: Counter
    private let outboxOldest: Gauge
    private let callToVoice: DurationHistogram

    private static var issued: MetricNameDescriptor { MetricNameDescriptor(namespace: "motcua", metricName: "tickets_issued", unitName: "total", helpText: "Tickets issued, by service") }
    private static var calls: MetricNameDescriptor { MetricNameDescriptor(namespace: "motcua", metricName: "calls", unitName: "total", helpText: "Calls and recalls, by counter") }
    private static var devices: MetricNameDescriptor { MetricNameDescriptor(namespace: "motcua", metricName: "devices", helpText: "Devices by kind and state") }
    private static var announcements: MetricNameDescriptor { MetricNameDescriptor(namespace: "motcua", metricName: "announcements", unitName: "total", helpText: "Announcements ended, by outcome (played, dropped) and why dropped") }
    private static var http: MetricNameDescriptor { MetricNameDescriptor(namespace: "motcua", metricName: "http_request_duration", unitName: "seconds", helpText: "HTTP request durations") }
    private static let httpBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .microseconds(2_500_000),
    ]

    public init() {
        callToPush = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "motcua", metricName: "call_to_push", unitName: "seconds",
                                             helpText: "From a counter's call to the event leaving for the displays"),
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                      .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1)]
        )
        outboxPending = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "motcua", metricName: "outbox", unitName: "pending", helpText: "Events waiting for the workflow core"))
        workflowConnected = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "motcua", metricName: "workflow", unitName: "connected", helpText: "1 while the workflow core is connected"))
        eventsDelivered = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "motcua", metricName: "events_delivered", unitName: "total", helpText: "Events the workflow core acknowledged"))
        outboxOldest = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "motcua", metricName: "outbox_oldest_age", unitName: "seconds",
            helpText: "Age of the oldest event waiting for the workflow core (0 when none waits)"))
        callToVoice = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "motcua", metricName: "call_to_voice", unitName: "seconds",
                                             helpText: "From a call to the start of its announcement on the hall's speaker"),
            buckets: [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10), .seconds(20),
                      .seconds(30), .seconds(60), .seconds(90)]
        )
    }

    /// Counts an announcement that ended: `played`, or `dropped` with its reason.
    public func announcementEnded(outcome: String, reason: String?) {
        registry.makeCounter(descriptor: Self.announcements, labels: [("outcome", outcome), ("reason", reason ?? "")]).increment()
    }

    /// Records the time from a call to the start of its announcement.
    public func announcementStarted(after seconds: TimeInterval) {
        callToVoice.record(.nanoseconds(Int64(max(0, seconds) * 1e9)))
    }

    /// Counts a ticket issued for a service (by code).
    public func ticketIssued(service: String) {
        registry.makeCounter(descriptor: Self.issued, labels: [("service", service)]).increment()
    }

    /// Counts a call (or recall) at a counter.
    public func called(counter: Int) {
        registry.makeCounter(descriptor: Self.calls, labels: [("counter", String(counter))]).increment()
    }

    /// Records the time from a call to its event leaving for the displays.
    public func callPushed(after seconds: TimeInterval) {
        callToPush.record(.nanoseconds(Int64(seconds * 1e9)))
    }

    /// Sets the outbox depth.
    public func setOutboxPending(_ count: Int) {
        outboxPending.set(to: Double(count))
    }

    /// Counts events the workflow core acknowledged.
    public func eventsDelivered(_ count: Int) {
        if count > 0 { eventsDelivered.increment(by: Int64(count)) }
    }

    /// Sets the age of the oldest undelivered event (0 when the outbox is empty).
    public func setOutboxOldestAge(_ seconds: TimeInterval) {
        outboxOldest.set(to: max(0, seconds))
    }

    /// Records whether the workflow core is connected.
    public func setWorkflowConnected(_ connected: Bool) {
        workflowConnected.set(to: connected ? 1 : 0)
    }

    /// Sets how many devices of `kind` (`printer`, …) are in each state (`ok`, `fault`, `not_monitored`,
    /// `disconnected`): `motcua_devices{kind,state}`.
    public func setDevices(kind: String, counts: [String: Int]) {
        for (state, count) in counts {
            registry.makeGauge(descriptor: Self.devices, labels: [("kind", kind), ("state", state)]).set(to: Double(count))
        }
    }

    /// Records one HTTP request.
    public func httpRequest(method: String, route: String, status: Int, seconds: Double) {
        registry.makeDurationHistogram(
            descriptor: Self.http, labels: [("method", method), ("route", route), ("status", String(status))], buckets: Self.httpBuckets
        ).record(.nanoseconds(Int64(seconds * 1e9)))
    }

    /// The Prometheus text exposition.
    public func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
