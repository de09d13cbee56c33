namespace SbbCommerce.Api.Modules.Identity.Registration;

/// <summary>The limits of the first-touch attribution every sign-up carries (the columns' sizes of user_profiles).</summary>
internal static class SignupAttributionRules
{
    /// <summary>Adds the rules to the sign-up request's own validator, so that they are its rules (and its schema's).</summary>
    public static void RuleForAttribution<T>(this AbstractValidator<T> validator) where T : ISignupConsents
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(r => r.UtmSource).MaximumLength(100);
        validator.RuleFor(r => r.UtmMedium).MaximumLength(100);
        validator.RuleFor(r => r.UtmCampaign).MaximumLength(100);
        validator.RuleFor(r => r.UtmTerm).MaximumLength(100);
        validator.RuleFor(r => r.UtmContent).MaximumLength(100);
        validator.RuleFor(r => r.ReferrerUrl).MaximumLength(2000);
        validator.RuleFor(r => r.LandingPage).MaximumLength(2000);
    }
}
