using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Tokens;

internal sealed class UserEmailTokens(JwtSigningKey signingKey) : IUserEmailTokens
{
    public string EmailVerificationToken(Guid tokenId) => UserTokenService.TokenFor(signingKey, tokenId, UserTokenPurpose.EmailVerification);

    public string PasswordResetToken(Guid tokenId) => UserTokenService.TokenFor(signingKey, tokenId, UserTokenPurpose.PasswordReset);
}
