using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SbbCommerce.Api.Modules.Integration.Email;

/// <summary>
/// MailKit over SMTP with a small pool of connected clients (a MailKit client serves one message at a time, and
/// connecting plus authenticating per message would cost more than sending). A client that failed is discarded.
/// </summary>
internal sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport, IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = _idle.TryTake(out var pooled) && pooled.IsConnected ? pooled : await ConnectAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
            _idle.Add(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    internal static SecureSocketOptions SocketOptions(string? security) => security?.Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" or "ssl" => SecureSocketOptions.SslOnConnect,
        null or "" => SecureSocketOptions.StartTlsWhenAvailable,
        _ => throw new InvalidOperationException($"Email:Smtp:Security '{security}' is not one of none, starttls, tls."),
    };

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var client))
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }

            client.Dispose();
        }
    }
}
