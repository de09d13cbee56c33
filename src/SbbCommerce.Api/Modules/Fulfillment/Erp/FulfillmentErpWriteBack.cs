using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Erp;

/// <summary>Shipments and the ERP: the shipment id Propello gives back.</summary>
internal sealed class FulfillmentErpWriteBack()
    : ErpWriteBack([new(ErpEventTypes.ShipmentCreated, "fulfillments", "erp_shipment_id", "fulfillmentId")]);
