namespace SbbCommerce.Api.Modules.Fulfillment.Shipping;

// Shippo's wire shapes (https://docs.goshippo.com/shippoapi/public-api/): snake_case JSON, written and read by ShippoClient only.

/// <summary>An address as Shippo names its fields.</summary>
internal sealed record ShippoAddress(
    string Name, string Street1, string? Street2, string City, string State, string Zip, string Country, string? Phone, string? Email);

/// <summary>A parcel: inches and grams.</summary>
internal sealed record ShippoParcel(string Length, string Width, string Height, string DistanceUnit, string Weight, string MassUnit);

/// <summary>POST /shipments: rates for a parcel from one address to another (synchronously).</summary>
internal sealed record ShippoShipmentRequest(ShippoAddress AddressFrom, ShippoAddress AddressTo, IReadOnlyList<ShippoParcel> Parcels, bool Async);

internal sealed record ShippoShipment(string ObjectId, IReadOnlyList<ShippoRate>? Rates);

internal sealed record ShippoServiceLevel(string? Name, string? Token);

/// <summary>A rate: <c>amount</c> is a decimal string in <c>currency</c>.</summary>
internal sealed record ShippoRate(string ObjectId, string? Provider, ShippoServiceLevel? Servicelevel, string Amount, string? Currency, int? EstimatedDays);

/// <summary>POST /transactions: buy the label of a rate (synchronously).</summary>
internal sealed record ShippoTransactionRequest(string Rate, string LabelFileType, bool Async);

internal sealed record ShippoMessage(string? Source, string? Code, string? Text);

internal sealed record ShippoTransaction(
    string ObjectId, string? Status, string? TrackingNumber, string? TrackingUrlProvider, string? LabelUrl, string? Rate,
    IReadOnlyList<ShippoMessage>? Messages);
