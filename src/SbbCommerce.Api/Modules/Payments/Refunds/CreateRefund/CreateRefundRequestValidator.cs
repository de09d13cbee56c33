namespace SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;

internal sealed class CreateRefundRequestValidator : AbstractValidator<CreateRefundRequest>
{
    public CreateRefundRequestValidator()
    {
        RuleFor(r => r.AmountCents).GreaterThan(0);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(100);
        RuleFor(r => r.ReasonDetails).MaximumLength(2000);
        RuleFor(r => r.RefundMethod).NotEmpty().MaximumLength(50);
    }
}
