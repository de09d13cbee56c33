namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

/// <summary>
/// A template whose outbox payload is one record: the payload is read into <typeparamref name="TMessage"/> here, once
/// for all templates, so each template only says what its email says.
/// </summary>
internal abstract class EmailTemplate<TMessage>(string eventType) : IEmailTemplate
{
    public string EventType { get; } = eventType;

    public EmailContent Render(JsonElement payload, EmailLinks links) => Render(TemplatePayload.Read<TMessage>(payload), links);

    protected abstract EmailContent Render(TMessage message, EmailLinks links);
}
