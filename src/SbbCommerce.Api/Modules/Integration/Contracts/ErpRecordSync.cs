namespace SbbCommerce.Api.Modules.Integration.Contracts;

/// <summary>
/// Where the ERP's id of one kind of record is kept: the module's table and column, and the payload member that names
/// the row (<c>productId</c>, <c>orderId</c>...).
/// </summary>
/// <param name="EventType">The outbox event type (<see cref="ErpEventTypes"/>).</param>
/// <param name="Table">The module's own table.</param>
/// <param name="IdColumn">Its <c>erp_*_id</c> column.</param>
/// <param name="PayloadMember">The message member holding the row's id.</param>
public sealed record ErpIdColumn(string EventType, string Table, string IdColumn, string PayloadMember);

/// <summary>
/// The write-back every module does alike: the ERP's id and the sync time on the row the message names. A module
/// names its columns; one with more to store (sales order lines) adds statements.
/// </summary>
public class ErpWriteBack(IReadOnlyList<ErpIdColumn> columns) : IErpSyncWriteBack
{
    public IReadOnlyCollection<string> EventTypes { get; } = [.. columns.Select(c => c.EventType)];

    public virtual IEnumerable<NpgsqlBatchCommand> WriteBack(string eventType, JsonElement payload, ErpAcknowledgement acknowledgement)
    {
        var column = columns.Single(c => c.EventType == eventType);
        yield return ErpWriteBackSql.SetErpId(column.Table, column.IdColumn, ErpWriteBackSql.GuidOf(payload, column.PayloadMember), acknowledgement);
    }
}

/// <summary>A module's ERP records: the write-back of <see cref="ErpWriteBack"/> and the admin's re-sync of one record.</summary>
public abstract class ErpRecordSync(IReadOnlyList<ErpIdColumn> columns, IReadOnlyCollection<string> entityTypes)
    : ErpWriteBack(columns), IErpResync
{
    public IReadOnlyCollection<string> EntityTypes { get; } = entityTypes;

    public abstract Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken);

    /// <summary>False when <paramref name="found"/> finds no record (nothing to send); otherwise queues it again.</summary>
    protected static async Task<bool> RequeueAsync<TRecord>(Task<TRecord?> found, Func<TRecord, Task> enqueue)
        where TRecord : class
    {
        ArgumentNullException.ThrowIfNull(found);
        ArgumentNullException.ThrowIfNull(enqueue);
        if (await found is not { } record)
        {
            return false;
        }

        await enqueue(record);
        return true;
    }
}
