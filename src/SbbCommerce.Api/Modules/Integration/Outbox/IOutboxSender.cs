namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// Delivers the outbox messages of one destination. Senders are the only code that calls providers; they never
/// retry on their own (the drain schedules retries through <c>scheduled_for</c>) and never throw for a provider's
/// failure: they classify it.
/// </summary>
internal interface IOutboxSender
{
    string Destination { get; }

    /// <summary>False while the destination has no configuration: its messages wait as <c>pending</c>, untouched.</summary>
    bool IsConfigured { get; }

    /// <summary>Messages of this destination one drain loop sends at once.</summary>
    int Parallelism { get; }

    /// <summary>
    /// A destination whose messages must keep their per-entity order even past a dead letter (the ERP: a credit memo
    /// must not arrive for a sales order the ERP refused). Others skip past a dead message (an email).
    /// </summary>
    bool DeadLetterBlocksEntity { get; }

    Task<DeliveryResult> SendAsync(OutboxEnvelope message, CancellationToken cancellationToken);
}
