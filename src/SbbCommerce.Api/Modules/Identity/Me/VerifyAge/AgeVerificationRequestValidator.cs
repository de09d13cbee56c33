namespace SbbCommerce.Api.Modules.Identity.Me.VerifyAge;

internal sealed class AgeVerificationRequestValidator : AbstractValidator<AgeVerificationRequest>
{
    public AgeVerificationRequestValidator(TimeProvider timeProvider) =>
        RuleFor(r => r.DateOfBirth)
            .Must(date => date < DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)).WithMessage("The date of birth must be in the past.")
            .Must(date => date.Year >= 1900).WithMessage("The date of birth is not plausible.");
}
