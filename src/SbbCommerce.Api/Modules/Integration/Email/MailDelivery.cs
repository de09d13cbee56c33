using MimeKit;

namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>How a rendered message leaves: an SMTP server, or the Development drop folder.</summary>
internal interface IMailTransport
{
    bool IsConfigured { get; }

    /// <summary>Delivers the message; throws MailKit's or the file system's exception on failure.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
