using SbbCommerce.Api.Modules.Identity.Passwords;

namespace SbbCommerce.Api.Modules.Identity.Registration;

internal sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator(TimeProvider timeProvider)
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(255).EmailAddress();
        RuleFor(r => r.Password).StrongPassword();
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Phone).MaximumLength(20).Matches(@"^\+?[0-9 ()\-]{7,20}$").When(r => r.Phone is not null);
        RuleFor(r => r.DateOfBirth)
            .Must(date => date < DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime))
            .When(r => r.DateOfBirth is not null).WithMessage("The date of birth must be in the past.");
        this.RuleForAttribution();
    }
}
