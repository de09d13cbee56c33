namespace SbbCommerce.Api.Modules.Fulfillment.Ship;

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
