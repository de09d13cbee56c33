namespace SbbCommerce.Api.Modules.Orders.Checkout;

/// <summary>Place an order from the signed-in user's cart.</summary>
/// <param name="ShippingAddressId">One of the user's addresses.</param>
/// <param name="BillingAddressId">One of the user's addresses (default: the shipping address).</param>
/// <param name="PaymentMethodId">An active payment method (GET /payment-methods).</param>
/// <param name="ComplianceAcknowledged">The buyer accepted the text of GET /compliance (must be true).</param>
/// <param name="ComplianceVersion">The version of that text (must be the current one).</param>
/// <param name="CustomerNotes">Notes for the shop.</param>
/// <param name="ShippingServiceLevel">A service level of GET /cart/shipping-options (default: the cheapest); its price is in the total.</param>
internal sealed record CheckoutRequest(
    Guid ShippingAddressId,
    Guid? BillingAddressId,
    Guid PaymentMethodId,
    bool ComplianceAcknowledged,
    string? ComplianceVersion,
    string? CustomerNotes,
    string? ShippingServiceLevel = null);

internal sealed class CheckoutRequestValidator : AbstractValidator<CheckoutRequest>
{
    public CheckoutRequestValidator()
    {
        RuleFor(r => r.ShippingAddressId).NotEmpty();
        RuleFor(r => r.PaymentMethodId).NotEmpty();
        RuleFor(r => r.ComplianceVersion).MaximumLength(20);
        RuleFor(r => r.CustomerNotes).MaximumLength(2000);
        RuleFor(r => r.ShippingServiceLevel).MaximumLength(50);
    }
}
