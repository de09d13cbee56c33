namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>The answer of POST /events.</summary>
/// <param name="Accepted">Events queued (or, with <c>?sync=true</c>, committed).</param>
/// <param name="Rejected">The items refused, by their index in the request, with the reasons per field.</param>
internal sealed record IngestResponse(int Accepted, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>One refused item of a POST /events request.</summary>
/// <param name="Index">Its zero-based position in <c>events</c> (0 for a single event).</param>
/// <param name="Errors">Field (camelCase) to messages.</param>
internal sealed record RejectedEvent(int Index, IReadOnlyDictionary<string, string[]> Errors);
