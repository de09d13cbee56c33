namespace SbbCommerce.Api.Common.Money;

/// <summary>The shop sells in one currency; amounts are integer cents of it everywhere.</summary>
internal static class Currency
{
    /// <summary>ISO 4217 code of every price, order, payment and refund.</summary>
    public const string Usd = "USD";
}
