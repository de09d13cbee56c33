using System.Text.Json;
using Npgsql;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Erp;

/// <summary>Shipments and the ERP: the shipment id Propello gives back.</summary>
internal sealed class FulfillmentErpWriteBack : IErpSyncWriteBack
{
    public IReadOnlyCollection<string> EventTypes { get; } = [ErpEventTypes.ShipmentCreated];

    public IEnumerable<NpgsqlBatchCommand> WriteBack(string eventType, JsonElement payload, ErpAcknowledgement acknowledgement)
    {
        yield return ErpWriteBackSql.SetErpId("fulfillments", "erp_shipment_id", ErpWriteBackSql.GuidOf(payload, "fulfillmentId"), acknowledgement);
    }
}
