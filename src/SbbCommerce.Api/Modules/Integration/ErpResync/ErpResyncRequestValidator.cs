namespace SbbCommerce.Api.Modules.Integration.ErpResync;

internal sealed class ErpResyncRequestValidator : AbstractValidator<ErpResyncRequest>
{
    public ErpResyncRequestValidator()
    {
        RuleFor(r => r.EntityType).NotEmpty().MaximumLength(50);
        RuleFor(r => r.EntityId).NotEmpty();
    }
}
