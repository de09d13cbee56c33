namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

internal sealed class PasswordResetTemplate() : EmailTemplate<UserTokenMessage>("user.password_reset")
{
    protected override EmailContent Render(UserTokenMessage message, EmailLinks links)
    {
        var token = links.Tokens.PasswordResetToken(message.TokenId);
        return new EmailBody(string.Empty)
            .Paragraph("Someone asked to reset the password of your Science Based Body account.")
            .Action("Choose a new password", links.To("/reset-password?token=" + Uri.EscapeDataString(token)))
            .Paragraph("The link works once and expires in 30 minutes; resetting signs you out everywhere. "
                + "If you did not ask for this, ignore this email: your password stays as it is.")
            .Build(message.To, "Reset your password");
    }
}
