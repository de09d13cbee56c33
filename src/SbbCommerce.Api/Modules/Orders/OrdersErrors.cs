namespace SbbCommerce.Api.Modules.Orders;

/// <summary>The Checkout and Orders codes of API.md.</summary>
internal static class OrdersErrors
{
    public const string CartEmpty = "cart_empty";
    public const string InsufficientStock = "insufficient_stock";
    public const string AgeVerificationRequired = "age_verification_required";
    public const string KycRequired = "kyc_required";
    public const string ShippingRestricted = "shipping_restricted";
    public const string ComplianceNotAcknowledged = "compliance_not_acknowledged";
    public const string ComplianceVersionOutdated = "compliance_version_outdated";
    public const string EmailNotVerified = "email_not_verified";
    public const string DiscountInvalid = "discount_invalid";
    public const string PaymentMethodUnavailable = "payment_method_unavailable";
    public const string AmountOutOfRange = "amount_out_of_range";
    public const string InvalidTransition = "invalid_transition";
    public const string OrderNotFound = "order_not_found";
    public const string ProductUnavailable = "product_unavailable";
}
