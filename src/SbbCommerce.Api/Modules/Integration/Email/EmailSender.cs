using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>
/// Sends <c>internal_email</c> messages: renders the template of the message's kind and hands it to SMTP (or, in
/// Development without SMTP, to the drop folder). SMTP's 5xx answers (no such mailbox, refused) are permanent;
/// connection failures, timeouts and 4xx are retried by the drain. The outbox id is the Message-Id, so a message
/// sent again after a crash can be recognised as the same one.
/// </summary>
internal sealed class EmailSender(
    IOptions<EmailOptions> options,
    SmtpMailTransport smtp,
    PickupDirectoryTransport pickup,
    IEnumerable<IEmailTemplate> templates,
    IUserEmailTokens tokens,
    IEmailDeliverability deliverability) : IOutboxSender
{
    private readonly Dictionary<string, IEmailTemplate> _templates = templates.ToDictionary(t => t.EventType, StringComparer.Ordinal);

    public string Destination => OutboxDestinations.InternalEmail;

    public bool IsConfigured => options.Value.Enabled && Transport.IsConfigured;

    public int Parallelism => Math.Max(1, options.Value.Parallelism);

    public bool DeadLetterBlocksEntity => false;

    private IMailTransport Transport => smtp.IsConfigured ? smtp : pickup;

    public async Task<DeliveryResult> SendAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_templates.TryGetValue(message.EventType, out var template))
        {
            return DeliveryResult.Permanent($"No email template for '{message.EventType}'.");
        }

        MimeMessage mime;
        try
        {
            using var payload = JsonDocument.Parse(message.Payload);
            var content = template.Render(payload.RootElement, new EmailLinks(options.Value.PublicBaseUrl, tokens));
            mime = Build(message.Id, content);
        }
        catch (Exception exception) when (exception is JsonException or ParseException or FormatException or ArgumentException)
        {
            return DeliveryResult.Permanent($"The message cannot be rendered: {exception.Message}");
        }

        if (await deliverability.UndeliverableReasonAsync(mime.To.Mailboxes.First().Address, cancellationToken) is { } undeliverable)
        {
            return DeliveryResult.Skipped($"Recipient undeliverable: {undeliverable}");
        }

        try
        {
            await Transport.SendAsync(mime, cancellationToken);
            return DeliveryResult.Sent(250);
        }
        catch (SmtpCommandException exception) when ((int)exception.StatusCode >= 500)
        {
            return DeliveryResult.Permanent($"SMTP refused: {exception.Message}", (int)exception.StatusCode);
        }
        catch (SmtpCommandException exception)
        {
            return DeliveryResult.Transient($"SMTP deferred: {exception.Message}", (int)exception.StatusCode);
        }
        catch (Exception exception) when (exception is SmtpProtocolException or ServiceNotConnectedException or AuthenticationException
                                              or SocketException or IOException or TimeoutException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient($"SMTP unavailable: {exception.GetType().Name}: {exception.Message}");
        }
    }

    private MimeMessage Build(Guid id, EmailContent content)
    {
        var mime = new MimeMessage { Subject = content.Subject, MessageId = $"{id:N}@sbbcommerce" };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(content.To));
        mime.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        return mime;
    }
}
