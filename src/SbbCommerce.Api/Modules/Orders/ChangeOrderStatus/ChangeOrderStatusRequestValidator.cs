namespace SbbCommerce.Api.Modules.Orders.ChangeOrderStatus;

internal sealed class ChangeOrderStatusRequestValidator : AbstractValidator<ChangeOrderStatusRequest>
{
    public ChangeOrderStatusRequestValidator()
    {
        RuleFor(r => r.ToStatus).IsInEnum();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}
