using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Methods;

/// <summary>A payment method as admins configure it.</summary>
/// <param name="MethodType">zelle, cashapp, venmo, wire_transfer, check, crypto, erp_propello or manual_other.</param>
/// <param name="Name">Display name.</param>
/// <param name="Instructions">Shown to the customer.</param>
/// <param name="Details">Where to send money (a JSON object: email, cashtag, bank details...).</param>
/// <param name="MinAmountCents">Smallest payment accepted.</param>
/// <param name="MaxAmountCents">Largest payment accepted.</param>
/// <param name="ConfirmationWindowHours">How long a pending payment waits before it expires.</param>
/// <param name="SortOrder">Display order.</param>
/// <param name="IsActive">Offered to customers.</param>
/// <param name="IconUrl">Icon.</param>
internal sealed record PaymentMethodRequest(
    PaymentMethodType MethodType,
    string Name,
    string Instructions,
    JsonElement Details,
    int? MinAmountCents,
    int? MaxAmountCents,
    int? ConfirmationWindowHours,
    int SortOrder,
    bool IsActive = true,
    string? IconUrl = null);
