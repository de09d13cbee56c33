namespace SbbCommerce.Api.Modules.Identity.Phone.SendPhoneCode;

internal sealed class PhoneVerificationRequestValidator : AbstractValidator<PhoneVerificationRequest>
{
    public PhoneVerificationRequestValidator() =>
        RuleFor(r => r.Phone).NotEmpty().Matches(@"^\+[1-9][0-9]{6,14}$").WithMessage("The phone must be in E.164 form, e.g. +14155550123.");
}
