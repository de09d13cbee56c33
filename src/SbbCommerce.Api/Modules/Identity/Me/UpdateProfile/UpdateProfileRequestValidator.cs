namespace SbbCommerce.Api.Modules.Identity.Me.UpdateProfile;

internal sealed class UpdateProfileRequestValidator : AbstractValidator<UpdateProfileRequest>
{
    public UpdateProfileRequestValidator()
    {
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100).When(r => r.FirstName is not null);
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100).When(r => r.LastName is not null);
        RuleFor(r => r.DisplayName).MaximumLength(100);
        RuleFor(r => r.Phone).Matches(@"^\+?[0-9 ()\-]{7,20}$").When(r => !string.IsNullOrEmpty(r.Phone));
        RuleFor(r => r.PreferredCurrency).Matches("^[A-Z]{3}$").When(r => r.PreferredCurrency is not null);
        RuleFor(r => r.Timezone).MaximumLength(50);
        RuleFor(r => r.Locale).Matches("^[a-z]{2}(-[A-Z]{2})?$").When(r => r.Locale is not null);
    }
}
