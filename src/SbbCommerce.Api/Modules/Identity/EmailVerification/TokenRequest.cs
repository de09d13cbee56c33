using FluentValidation;

namespace SbbCommerce.Api.Modules.Identity.EmailVerification;

/// <summary>A token from an email link.</summary>
/// <param name="Token">The token.</param>
internal sealed record VerifyEmailRequest(string Token);

internal sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(200);
}
