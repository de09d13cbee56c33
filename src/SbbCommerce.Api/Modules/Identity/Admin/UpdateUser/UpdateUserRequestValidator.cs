using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Admin.UpdateUser;

internal sealed class UpdateUserRequestValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserRequestValidator()
    {
        RuleFor(r => r).Must(r => r.Status is not null || r.Role is not null).WithMessage("Give a status or a role.");
        RuleFor(r => r.Status).Must(s => s is null or UserStatus.Active or UserStatus.Suspended or UserStatus.Banned)
            .WithMessage("status is active, suspended or banned.");
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}
