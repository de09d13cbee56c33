using FluentValidation;

namespace SbbCommerce.Api.Modules.Identity.Phone;

/// <summary>The number to verify.</summary>
/// <param name="Phone">E.164: a plus, the country code and the number, digits only (+14155550123).</param>
internal sealed record PhoneVerificationRequest(string Phone);

/// <summary>The code the SMS brought.</summary>
/// <param name="Code">6 digits.</param>
internal sealed record PhoneVerificationConfirmRequest(string Code);

internal sealed class PhoneVerificationRequestValidator : AbstractValidator<PhoneVerificationRequest>
{
    public PhoneVerificationRequestValidator() =>
        RuleFor(r => r.Phone).NotEmpty().Matches(@"^\+[1-9][0-9]{6,14}$").WithMessage("The phone must be in E.164 form, e.g. +14155550123.");
}

internal sealed class PhoneVerificationConfirmRequestValidator : AbstractValidator<PhoneVerificationConfirmRequest>
{
    public PhoneVerificationConfirmRequestValidator() =>
        RuleFor(r => r.Code).NotEmpty().Matches("^[0-9]{6}$").WithMessage("The code is 6 digits.");
}
