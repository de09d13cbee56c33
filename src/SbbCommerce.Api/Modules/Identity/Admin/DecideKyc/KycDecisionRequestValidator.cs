using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin.DecideKyc;

internal sealed class KycDecisionRequestValidator : AbstractValidator<KycDecisionRequest>
{
    public KycDecisionRequestValidator()
    {
        RuleFor(r => r.Status).Must(s => s is KycDecisions.Approved or KycDecisions.Rejected or KycDecisions.Pending).WithMessage("status is approved, rejected or pending.");
        RuleFor(r => r.Notes).MaximumLength(1000);
    }
}
