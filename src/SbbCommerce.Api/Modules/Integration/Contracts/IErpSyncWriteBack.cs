namespace SbbCommerce.Api.Modules.Integration.Contracts;

/// <summary>
/// How a module records that the ERP accepted one of its messages: the ERP's id and the time on the module's own
/// rows (<c>erp_*_id</c>, <c>erp_synced_at</c>). The drain runs the commands in its transaction, together with the
/// message's <c>sent</c> mark, so an id is never written for a message that is sent again, nor lost for one that is not.
/// </summary>
public interface IErpSyncWriteBack
{
    /// <summary>The ERP event types this module writes back (<see cref="ErpEventTypes"/>).</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>The statements that store <paramref name="acknowledgement"/> for this message (SQL on the module's own tables).</summary>
    IEnumerable<NpgsqlBatchCommand> WriteBack(string eventType, JsonElement payload, ErpAcknowledgement acknowledgement);
}

/// <summary>What the ERP answered: its id for the record, its line ids keyed by our line id (sales orders), and when.</summary>
public sealed record ErpAcknowledgement(string ErpId, IReadOnlyDictionary<Guid, string> LineIds, DateTimeOffset SyncedAt);

/// <summary>
/// Re-queues the ERP sync of one of a module's records (admin <c>POST /admin/erp/resync</c>): clears its
/// <c>erp_synced_at</c> and writes its message to the outbox again, in the caller's DbContext.
/// </summary>
public interface IErpResync
{
    /// <summary>The entity types this module owns (<c>customer</c>, <c>item</c>, <c>order</c>, ...).</summary>
    IReadOnlyCollection<string> EntityTypes { get; }

    /// <summary>False when there is no such record (or it has nothing to send yet).</summary>
    Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken);
}
