namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class EmailVerificationTemplate() : EmailTemplate<UserTokenMessage>("user.email_verification")
{
    protected override EmailContent Render(UserTokenMessage message, EmailLinks links)
    {
        var token = links.Tokens.EmailVerificationToken(message.TokenId);
        return new EmailBody(string.Empty)
            .Paragraph("Please confirm your email address to finish creating your Science Based Body account. "
                + "You need a confirmed address to place orders.")
            .Action("Confirm my email", links.To("/verify-email?token=" + Uri.EscapeDataString(token)))
            .Paragraph("The link works once and expires in 48 hours. If you did not create an account, ignore this email.")
            .Build(message.To, "Confirm your email address");
    }
}

/// <summary>Identity's token messages: the recipient and the token row id (never the token itself).</summary>
internal sealed record UserTokenMessage(string To, Guid UserId, Guid TokenId);
