"""The roles of the press office, as Django groups. Other apps grant their own permissions
to these groups by name (get_or_create), so the names are a contract."""

EDITOR = "Редактор"
CHIEF_EDITOR = "Главный редактор"
MODERATOR = "Модератор"
REGISTRY_KEEPER = "Хранитель реестра"
TECHNICAL_OFFICER = "Технический специалист"
# Reads the month's results and takes the report; changes nothing.
MANAGEMENT = "Руководство"

ALL = (EDITOR, CHIEF_EDITOR, MODERATOR, REGISTRY_KEEPER, TECHNICAL_OFFICER, MANAGEMENT)
