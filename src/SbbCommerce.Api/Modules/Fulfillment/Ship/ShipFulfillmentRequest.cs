namespace SbbCommerce.Api.Modules.Fulfillment.Ship;

/// <summary>The shipment left the warehouse. Fields left out come from the bought label (POST .../label); without one they are required.</summary>
/// <param name="Carrier">Carrier (usps, ups, fedex, ...).</param>
/// <param name="ServiceLevel">Its service level (ground, priority, ...).</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking page (absolute http(s) URL), optional.</param>
internal sealed record ShipFulfillmentRequest(string? Carrier, string? ServiceLevel, string? TrackingNumber, string? TrackingUrl);
