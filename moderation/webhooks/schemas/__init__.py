"""What each network's webhook payload must look like before a handler reads it
(issue 12.7): one module per network, pydantic models of the fields the handler uses,
checked by ``WebhookView.check_schema``. A payload that does not match is answered 400
and stored nowhere. Fields a handler does not read are let through as they came
(networks add fields without notice)."""
