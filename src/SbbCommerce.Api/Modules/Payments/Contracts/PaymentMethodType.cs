namespace SbbCommerce.Api.Modules.Payments.Contracts;

/// <summary>The PostgreSQL enum <c>payment_method_type</c>; serialised as its snake_case label.</summary>
public enum PaymentMethodType
{
    /// <summary><c>zelle</c></summary>
    Zelle,
    /// <summary><c>cashapp</c></summary>
    Cashapp,
    /// <summary><c>venmo</c></summary>
    Venmo,
    /// <summary><c>wire_transfer</c></summary>
    WireTransfer,
    /// <summary><c>check</c></summary>
    Check,
    /// <summary><c>crypto</c></summary>
    Crypto,
    /// <summary><c>erp_propello</c></summary>
    ErpPropello,
    /// <summary><c>manual_other</c></summary>
    ManualOther,
}
