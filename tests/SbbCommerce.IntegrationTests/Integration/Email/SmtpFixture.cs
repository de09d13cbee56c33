using System.Net;
using System.Net.Sockets;
using MimeKit;
using netDumbster.smtp;

namespace SbbCommerce.IntegrationTests.Integration.Email;

/// <summary>A host that mails through a real SMTP server (netDumbster) listening on a loopback port.</summary>
public class SmtpFixture : ApiFixture, IAsyncLifetime
{
    private SimpleSmtpServer? _smtp;

    internal int SmtpPort { get; } = FreePort();

    internal SimpleSmtpServer Smtp => _smtp ?? throw new InvalidOperationException("The SMTP server is stopped.");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Email:Enabled"] = "true",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Security"] = "none",
        ["Email:Smtp:TimeoutSeconds"] = "5",
        // netDumbster serves one SMTP session at a time; a real server takes the default 4 connections.
        ["Email:Parallelism"] = "1",
        ["Email:From"] = "Science Based Body <orders@shop.example>",
        ["Email:PublicBaseUrl"] = "https://shop.example",
    };

    public new async Task InitializeAsync()
    {
        StartSmtp();
        await base.InitializeAsync();
    }

    public void StartSmtp() => _smtp = SimpleSmtpServer.Start(SmtpPort);

    public void StartSmtpIfStopped()
    {
        if (_smtp is null)
        {
            StartSmtp();
        }
    }

    public void StopSmtp()
    {
        _smtp?.Stop();
        _smtp?.Dispose();
        _smtp = null;
    }

    /// <summary>Every message the server received for <paramref name="to"/>, parsed.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string to) => Smtp.ReceivedEmail
        .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
        .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)))
        .ToList();

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        StopSmtp();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
