namespace SbbCommerce.Api.Modules.Integration.Views;

/// <summary>The outbox per destination, and whether the ERP and email are configured at all.</summary>
/// <param name="ErpConfigured">False without <c>Erp:Propello:BaseUrl</c>: ERP messages wait as pending.</param>
/// <param name="EmailConfigured">False with <c>Email:Enabled=false</c> (or no SMTP outside Development): emails wait.</param>
/// <param name="Destinations">One entry per destination.</param>
internal sealed record ErpStatusResponse(bool ErpConfigured, bool EmailConfigured, IReadOnlyList<OutboxDestinationStatus> Destinations);

/// <summary>One destination's queue.</summary>
/// <param name="Destination"><c>epicor_propello</c>, <c>internal_email</c>.</param>
/// <param name="Configured">Whether this host can send to it.</param>
/// <param name="Counts">Messages per status.</param>
/// <param name="OldestPendingAt">When the oldest message still waiting (pending or failed) was written.</param>
/// <param name="OldestPendingAgeSeconds">Its age: the lag of this destination.</param>
/// <param name="DeadLetters">Messages given up on (need an admin's retry).</param>
/// <param name="LastSuccessAt">When the destination last accepted a message (null in the health summary).</param>
internal sealed record OutboxDestinationStatus(
    string Destination,
    bool Configured,
    IReadOnlyDictionary<string, long> Counts,
    DateTimeOffset? OldestPendingAt,
    long? OldestPendingAgeSeconds,
    long DeadLetters,
    DateTimeOffset? LastSuccessAt);
