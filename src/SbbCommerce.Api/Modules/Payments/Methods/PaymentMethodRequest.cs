using System.Text.Json;
using FluentValidation;
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

internal sealed class PaymentMethodRequestValidator : AbstractValidator<PaymentMethodRequest>
{
    public PaymentMethodRequestValidator()
    {
        RuleFor(r => r.MethodType).IsInEnum();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Instructions).NotEmpty().MaximumLength(5000);
        RuleFor(r => r.Details).Must(d => d.ValueKind == JsonValueKind.Object).WithMessage("details is a JSON object.");
        RuleFor(r => r.MinAmountCents).GreaterThanOrEqualTo(0);
        RuleFor(r => r.MaxAmountCents).GreaterThanOrEqualTo(r => r.MinAmountCents ?? 0).When(r => r.MaxAmountCents is not null)
            .WithMessage("maxAmountCents must not be below minAmountCents.");
        RuleFor(r => r.ConfirmationWindowHours).InclusiveBetween(1, 24 * 30).When(r => r.ConfirmationWindowHours is not null);
        RuleFor(r => r.IconUrl).MaximumLength(2000);
    }
}
