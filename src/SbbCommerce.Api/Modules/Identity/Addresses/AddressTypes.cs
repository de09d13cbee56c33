namespace SbbCommerce.Api.Modules.Identity.Addresses;

/// <summary>The <c>user_addresses.address_type</c> values.</summary>
internal static class AddressTypes
{
    public const string Shipping = "shipping";
    public const string Billing = "billing";
}
