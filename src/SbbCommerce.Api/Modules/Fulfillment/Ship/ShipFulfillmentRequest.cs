using FluentValidation;

namespace SbbCommerce.Api.Modules.Fulfillment.Ship;

/// <summary>The shipment left the warehouse. Fields left out come from the bought label (POST .../label); without one they are required.</summary>
/// <param name="Carrier">Carrier (usps, ups, fedex, ...).</param>
/// <param name="ServiceLevel">Its service level (ground, priority, ...).</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking page (absolute http(s) URL), optional.</param>
internal sealed record ShipFulfillmentRequest(string? Carrier, string? ServiceLevel, string? TrackingNumber, string? TrackingUrl);

internal sealed class ShipFulfillmentRequestValidator : AbstractValidator<ShipFulfillmentRequest>
{
    public ShipFulfillmentRequestValidator()
    {
        RuleFor(r => r.Carrier).MaximumLength(50);
        RuleFor(r => r.ServiceLevel).MaximumLength(50);
        RuleFor(r => r.TrackingNumber).MaximumLength(100);
        RuleFor(r => r.TrackingUrl).MaximumLength(2048)
            .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("The tracking URL must be an absolute http or https URL.");
    }
}
