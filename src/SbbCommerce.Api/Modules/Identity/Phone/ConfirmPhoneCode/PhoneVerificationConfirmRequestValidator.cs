namespace SbbCommerce.Api.Modules.Identity.Phone.ConfirmPhoneCode;

internal sealed class PhoneVerificationConfirmRequestValidator : AbstractValidator<PhoneVerificationConfirmRequest>
{
    public PhoneVerificationConfirmRequestValidator() =>
        RuleFor(r => r.Code).NotEmpty().Matches("^[0-9]{6}$").WithMessage("The code is 6 digits.");
}
