using SbbCommerce.Api.Common.Compliance;
using SbbCommerce.Api.Modules.Cart.Contracts;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Checkout;

/// <summary>
/// What checkout refuses, in the order of the Orders issue, each a 422 with its code and nothing written. Pure:
/// every fact is looked up before, so the rules read like the compliance policy they implement.
/// </summary>
internal static class CheckoutRules
{
    internal sealed record Facts(
        CheckoutRequest Request,
        CheckoutQuote? Quote,
        IReadOnlyDictionary<Guid, ProductSnapshot> Products,
        CustomerCompliance Customer,
        CustomerAddress ShippingAddress,
        PaymentMethodView? Method,
        ComplianceOptions Compliance,
        bool RequireVerifiedEmail);

    public static ProblemHttpResult? FirstRefusal(Facts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var quote = facts.Quote;
        if (quote is null || !quote.Lines.Any(l => l.Purchasable))
        {
            return Refuse(OrdersErrors.CartEmpty, "The cart is empty.");
        }

        var withdrawn = quote.Lines.Where(l => !l.Purchasable).Select(l => l.ProductId).ToList();
        if (withdrawn.Count > 0)
        {
            return Refuse(OrdersErrors.ProductUnavailable, "Some products are no longer for sale; remove them from the cart.",
                ("productIds", withdrawn));
        }

        if (facts.RequireVerifiedEmail && !facts.Customer.EmailVerified)
        {
            return Refuse(OrdersErrors.EmailNotVerified, "Verify your email address before ordering.");
        }

        if (!facts.Request.ComplianceAcknowledged)
        {
            return Refuse(OrdersErrors.ComplianceNotAcknowledged, "The compliance statement must be acknowledged.");
        }

        if (!string.Equals(facts.Request.ComplianceVersion, facts.Compliance.Version, StringComparison.Ordinal))
        {
            return Refuse(OrdersErrors.ComplianceVersionOutdated, "The compliance statement changed; show the current one and acknowledge it.",
                ("currentVersion", facts.Compliance.Version));
        }

        var products = quote.Lines.Select(l => facts.Products[l.ProductId]).ToList();
        if (products.Any(p => p.RequiresAgeVerification) && !facts.Customer.AgeVerified)
        {
            return Refuse(OrdersErrors.AgeVerificationRequired, "Verify your age before ordering these products.",
                ("minimumAge", facts.Compliance.MinimumAge));
        }

        if (products.Any(p => p.RequiresKyc) && facts.Customer.KycStatus != "approved")
        {
            return Refuse(OrdersErrors.KycRequired, "Identity verification (KYC) must be approved before ordering these products.",
                ("productIds", products.Where(p => p.RequiresKyc).Select(p => p.Id).ToList()));
        }

        var address = facts.ShippingAddress;
        var restricted = products.Where(p => p.RestrictedCountries.Contains(address.CountryCode, StringComparer.OrdinalIgnoreCase)
            || (address.CountryCode == "US" && p.RestrictedStates.Contains(address.StateProvince, StringComparer.OrdinalIgnoreCase))).ToList();
        if (restricted.Count > 0)
        {
            return Refuse(OrdersErrors.ShippingRestricted,
                $"These products cannot ship to {address.StateProvince}, {address.CountryCode}: {string.Join(", ", restricted.Select(p => p.Name))}.",
                ("products", restricted.Select(p => new { p.Id, p.Sku, p.Name }).ToList()),
                ("state", address.StateProvince), ("country", address.CountryCode));
        }

        if (facts.Method is null)
        {
            return Refuse(OrdersErrors.PaymentMethodUnavailable, "This payment method is not available.");
        }

        if (!facts.Method.Accepts(quote.TotalCents))
        {
            return Refuse(OrdersErrors.AmountOutOfRange, $"{facts.Method.Name} takes payments between its limits only.",
                ("minAmountCents", facts.Method.MinAmountCents), ("maxAmountCents", facts.Method.MaxAmountCents), ("amountCents", quote.TotalCents));
        }

        return quote.DiscountRefusal is { } reason
            ? Refuse(OrdersErrors.DiscountInvalid, "The discount code no longer applies; remove it or try again.", ("reason", reason))
            : null;
    }

    public static ProblemHttpResult Refuse(string code, string title, params (string Key, object? Value)[] extensions) =>
        ApiProblems.Unprocessable(code, title, extensions: extensions.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
}
