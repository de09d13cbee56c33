// Namespaces nearly every slice uses: the framework's data, HTTP results and validation, and Common's cross-cutting
// helpers. A module's own or another module's namespaces stay explicit in each file, so a dependency stays visible.
global using Microsoft.EntityFrameworkCore;
global using Microsoft.AspNetCore.Http.HttpResults;
global using FluentValidation;
global using Microsoft.Extensions.Options;
global using System.Text.Json;
global using SbbCommerce.Api.Common.Persistence;
global using SbbCommerce.Api.Common.Problems;
global using SbbCommerce.Api.Common.Auth;
global using SbbCommerce.Api.Common.Validation;
global using SbbCommerce.Api.Common.OpenApi;
global using SbbCommerce.Api.Common.Auditing;
global using SbbCommerce.Api.Common.Outbox;
global using SbbCommerce.Api.Common.Json;
global using SbbCommerce.Api.Common.Http;
global using SbbCommerce.Api.Common.Paging;
global using SbbCommerce.Api.Common.StateMachines;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Npgsql;
global using System.Globalization;
