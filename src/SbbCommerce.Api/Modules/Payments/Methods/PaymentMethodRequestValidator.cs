namespace SbbCommerce.Api.Modules.Payments.Methods;

internal sealed class PaymentMethodRequestValidator : AbstractValidator<PaymentMethodRequest>
{
    public PaymentMethodRequestValidator()
    {
        RuleFor(r => r.MethodType).IsInEnum();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Instructions).NotEmpty().MaximumLength(5000);
        RuleFor(r => r.Details).Cascade(CascadeMode.Stop)
            .Must(d => d.ValueKind == JsonValueKind.Object).WithMessage("details is a JSON object.")
            .Must(JsonNumbers.AreStorable).WithMessage(JsonNumbers.Message);
        RuleFor(r => r.MinAmountCents).GreaterThanOrEqualTo(0);
        RuleFor(r => r.MaxAmountCents).GreaterThanOrEqualTo(r => r.MinAmountCents ?? 0).When(r => r.MaxAmountCents is not null)
            .WithMessage("maxAmountCents must not be below minAmountCents.");
        RuleFor(r => r.ConfirmationWindowHours).InclusiveBetween(1, 24 * 30).When(r => r.ConfirmationWindowHours is not null);
        RuleFor(r => r.IconUrl).MaximumLength(2000);
    }
}
