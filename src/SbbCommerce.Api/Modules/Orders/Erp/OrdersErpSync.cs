using NpgsqlTypes;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;

namespace SbbCommerce.Api.Modules.Orders.Erp;

/// <summary>Sales orders and the ERP: the order id and line ids Propello gives back, and a re-sync of a paid order.</summary>
internal sealed class OrdersErpSync(SbbDbContext db, IOutboxWriter outbox)
    : ErpRecordSync([new(ErpEventTypes.SalesOrderCreated, "orders", "erp_order_id", "orderId")], ["order", "sales_order"])
{
    public override IEnumerable<NpgsqlBatchCommand> WriteBack(string eventType, JsonElement payload, ErpAcknowledgement acknowledgement)
    {
        ArgumentNullException.ThrowIfNull(acknowledgement);
        foreach (var command in base.WriteBack(eventType, payload, acknowledgement))
        {
            yield return command;
        }

        if (acknowledgement.LineIds.Count > 0)
        {
            var lines = new NpgsqlBatchCommand("""
                UPDATE order_items SET erp_line_id = v.erp_line_id
                  FROM unnest($1, $2) AS v(id, erp_line_id)
                 WHERE order_items.id = v.id AND order_items.order_id = $3
                """);
            lines.Parameters.Add(new NpgsqlParameter { Value = acknowledgement.LineIds.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            lines.Parameters.Add(new NpgsqlParameter { Value = acknowledgement.LineIds.Values.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Varchar });
            lines.Parameters.Add(new NpgsqlParameter { Value = ErpWriteBackSql.GuidOf(payload, "orderId"), NpgsqlDbType = NpgsqlDbType.Uuid });
            yield return lines;
        }
    }

    /// <summary>Only an order that was paid has a sales order to send.</summary>
    public override Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken) =>
        RequeueAsync(db.Set<Order>().SingleOrDefaultAsync(o => o.Id == entityId && o.PaidAt != null, cancellationToken), order =>
        {
            order.ErpSyncedAt = null;
            return SalesOrderMessage.EnqueueAsync(db, outbox, order, cancellationToken);
        });
}
