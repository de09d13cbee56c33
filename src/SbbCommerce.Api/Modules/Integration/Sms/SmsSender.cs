using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Integration.Email;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.Api.Modules.Integration.Sms;

/// <summary>
/// Sends <c>sms</c> messages through a Twilio-shaped API: <c>POST {BaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>,
/// form-encoded To/From/Body, basic auth AccountSid:AuthToken. The message carries the verification id; the code is
/// rebuilt here (<see cref="IPhoneVerificationCodes"/>), so the outbox never holds it. 5xx, 408, 429 and network
/// failures are retried by the drain; other 4xx (an invalid number) are permanent. In Development without Twilio,
/// the text goes to a file under <c>Sms:PickupDirectory</c>.
/// </summary>
internal sealed partial class SmsSender(
    IOptions<SmsOptions> options,
    IHttpClientFactory httpClients,
    IPhoneVerificationCodes codes,
    IHostEnvironment environment,
    ILogger<SmsSender> logger) : IOutboxSender
{
    public const string HttpClientName = "twilio";

    public string Destination => OutboxDestinations.Sms;

    public bool IsConfigured => options.Value.Twilio.IsConfigured || environment.IsDevelopment();

    public int Parallelism => 4;

    public bool DeadLetterBlocksEntity => false;

    public async Task<DeliveryResult> SendAsync(OutboxEnvelope message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        string to;
        string body;
        try
        {
            using var payload = JsonDocument.Parse(message.Payload);
            to = payload.RootElement.GetProperty("to").GetString() ?? throw new FormatException("No recipient.");
            var verificationId = payload.RootElement.GetProperty("verificationId").GetGuid();
            body = message.EventType switch
            {
                "user.phone_verification" => string.Create(CultureInfo.InvariantCulture,
                    $"Your Science Based Body code is {codes.CodeFor(verificationId)}. It expires in 10 minutes."),
                _ => throw new FormatException($"No SMS text for '{message.EventType}'."),
            };
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return DeliveryResult.Permanent($"The message cannot be rendered: {exception.Message}");
        }

        var twilio = options.Value.Twilio;
        if (!twilio.IsConfigured)
        {
            return await WriteToDropFolderAsync(message.Id, to, body, cancellationToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{twilio.BaseUrl!.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(twilio.AccountSid!)}/Messages.json")
        {
            Content = new FormUrlEncodedContent([new("To", to), new("From", twilio.From!), new("Body", body)]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryResult.Sent(status, answer);
            }

            return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500
                ? DeliveryResult.Transient($"Twilio answered {status}.", status, answer, response.Headers.RetryAfter?.Delta)
                : DeliveryResult.Permanent($"Twilio refused the message ({status}).", status, answer);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                          || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryResult.Transient($"Twilio unavailable: {exception.GetType().Name}");
        }
    }

    private async Task<DeliveryResult> WriteToDropFolderAsync(Guid id, string to, string body, CancellationToken cancellationToken)
    {
        var directory = RepositoryPaths.Resolve(options.Value.PickupDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{id:N}.txt");
        await File.WriteAllTextAsync(path, $"To: {to}{Environment.NewLine}{Environment.NewLine}{body}{Environment.NewLine}", cancellationToken);
        LogWritten(logger, path);
        return DeliveryResult.Sent();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS written to {Path} (no Twilio configured)")]
    private static partial void LogWritten(ILogger logger, string path);
}
