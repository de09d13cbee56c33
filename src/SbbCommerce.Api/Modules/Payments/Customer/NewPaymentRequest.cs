using FluentValidation;

namespace SbbCommerce.Api.Modules.Payments.Customer;

/// <summary>A new payment for an order (after one expired or failed, or to pay the rest of a partial payment).</summary>
/// <param name="PaymentMethodId">An active method.</param>
/// <param name="AmountCents">How much (default: everything still due; never more).</param>
internal sealed record NewPaymentRequest(Guid PaymentMethodId, int? AmountCents);

internal sealed class NewPaymentRequestValidator : AbstractValidator<NewPaymentRequest>
{
    public NewPaymentRequestValidator()
    {
        RuleFor(r => r.PaymentMethodId).NotEmpty();
        RuleFor(r => r.AmountCents).GreaterThan(0).When(r => r.AmountCents is not null);
    }
}
