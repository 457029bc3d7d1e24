CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "TargetKind" TEXT NULL,
    "TargetId" TEXT NULL,
    "Commune" TEXT NULL,
    "Details" TEXT NULL
);

CREATE TABLE "broadcasts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_broadcasts" PRIMARY KEY AUTOINCREMENT,
    "Text" TEXT NOT NULL,
    "Link" TEXT NULL,
    "SegmentJson" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "ScheduledAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ApprovedBy" TEXT NULL,
    "Targeted" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "CompletedAt" INTEGER NULL
);

CREATE TABLE "channel_state" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_channel_state" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "conversations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_conversations" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "ChatId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "StateJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Unreachable" INTEGER NOT NULL,
    "UnreachableReason" TEXT NULL,
    "SilencedUntil" INTEGER NULL,
    "Source" TEXT NULL
);

CREATE TABLE "courses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_courses" PRIMARY KEY AUTOINCREMENT,
    "Support" TEXT NULL,
    "StartsOn" TEXT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "CommuneCode" TEXT NULL,
    "Place" TEXT NULL,
    "Deadline" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "PostedOn" TEXT NOT NULL,
    "Description" TEXT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "household_imports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_household_imports" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "Commune" TEXT NULL,
    "Actor" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Inserted" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "Rejected" INTEGER NOT NULL,
    "Applied" INTEGER NOT NULL
);

CREATE TABLE "households" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_households" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "inbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_inbox" PRIMARY KEY AUTOINCREMENT,
    "Channel" TEXT NOT NULL,
    "ExternalId" TEXT NOT NULL,
    "ChatId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Text" TEXT NULL,
    "Payload" TEXT NULL,
    "IsStart" INTEGER NOT NULL,
    "StartPayload" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "ProcessedAt" INTEGER NULL
);

CREATE TABLE "job_listings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_job_listings" PRIMARY KEY AUTOINCREMENT,
    "Pay" TEXT NULL,
    "Code" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "CommuneCode" TEXT NULL,
    "Place" TEXT NULL,
    "Deadline" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "PostedOn" TEXT NOT NULL,
    "Description" TEXT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "course_leads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_course_leads" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "CourseCode" TEXT NOT NULL,
    "ConsentedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_course_leads_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "news_subscriptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_news_subscriptions" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "CommuneCode" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_news_subscriptions_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "reach_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_reach_log" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "ConversationId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "Subject" TEXT NULL,
    "CommuneCode" TEXT NULL,
    "HouseholdId" INTEGER NULL,
    "DeclaredCategory" TEXT NULL,
    "BroadcastId" INTEGER NULL,
    CONSTRAINT "FK_reach_log_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "register_entries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_register_entries" PRIMARY KEY AUTOINCREMENT,
    "HouseholdId" INTEGER NOT NULL,
    "Year" INTEGER NOT NULL,
    "CommuneCode" TEXT NOT NULL,
    "Village" TEXT NULL,
    "Category" INTEGER NOT NULL,
    "HeadName" TEXT NOT NULL,
    "HeadNameKey" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "ImportId" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_register_entries_households_HouseholdId" FOREIGN KEY ("HouseholdId") REFERENCES "households" ("Id") ON DELETE CASCADE
);

CREATE TABLE "resident_profiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_resident_profiles" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "ConsentAnnouncements" INTEGER NOT NULL,
    "ConsentStatistics" INTEGER NOT NULL,
    "ConsentedAt" INTEGER NULL,
    "AnnouncementsStoppedAt" INTEGER NULL,
    "CommuneCode" TEXT NULL,
    "DeclaredCategory" TEXT NULL,
    "Topics" TEXT NULL,
    "HouseholdId" INTEGER NULL,
    "LinkedBy" TEXT NULL,
    "LinkedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_resident_profiles_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_resident_profiles_households_HouseholdId" FOREIGN KEY ("HouseholdId") REFERENCES "households" ("Id")
);

CREATE TABLE "outbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_outbox" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "ChatId" TEXT NOT NULL,
    "InboxId" INTEGER NULL,
    "Sequence" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "BroadcastId" INTEGER NULL,
    "Text" TEXT NOT NULL,
    "ChoicesJson" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "ExternalId" TEXT NULL,
    "Error" TEXT NULL,
    CONSTRAINT "FK_outbox_broadcasts_BroadcastId" FOREIGN KEY ("BroadcastId") REFERENCES "broadcasts" ("Id"),
    CONSTRAINT "FK_outbox_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_outbox_inbox_InboxId" FOREIGN KEY ("InboxId") REFERENCES "inbox" ("Id")
);

CREATE TABLE "turn_events" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_turn_events" PRIMARY KEY AUTOINCREMENT,
    "ConversationId" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "At" INTEGER NOT NULL,
    "InboxId" INTEGER NULL,
    CONSTRAINT "FK_turn_events_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_turn_events_inbox_InboxId" FOREIGN KEY ("InboxId") REFERENCES "inbox" ("Id")
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_audit_log_At" ON "audit_log" ("At");

CREATE INDEX "IX_broadcasts_State_ScheduledAt" ON "broadcasts" ("State", "ScheduledAt");

CREATE UNIQUE INDEX "IX_channel_state_Channel_Key" ON "channel_state" ("Channel", "Key");

CREATE UNIQUE INDEX "IX_conversations_Channel_ChatId" ON "conversations" ("Channel", "ChatId");

CREATE UNIQUE INDEX "IX_course_leads_ConversationId_CourseCode" ON "course_leads" ("ConversationId", "CourseCode");

CREATE INDEX "IX_course_leads_CourseCode" ON "course_leads" ("CourseCode");

CREATE UNIQUE INDEX "IX_courses_Code" ON "courses" ("Code");

CREATE INDEX "IX_household_imports_At" ON "household_imports" ("At");

CREATE UNIQUE INDEX "IX_households_Code" ON "households" ("Code");

CREATE UNIQUE INDEX "IX_inbox_Channel_ExternalId" ON "inbox" ("Channel", "ExternalId");

CREATE INDEX "IX_inbox_Status_Id" ON "inbox" ("Status", "Id");

CREATE UNIQUE INDEX "IX_job_listings_Code" ON "job_listings" ("Code");

CREATE UNIQUE INDEX "IX_news_subscriptions_ConversationId_Kind" ON "news_subscriptions" ("ConversationId", "Kind");

CREATE INDEX "IX_news_subscriptions_Kind_CommuneCode" ON "news_subscriptions" ("Kind", "CommuneCode");

CREATE UNIQUE INDEX "IX_outbox_BroadcastId_ConversationId" ON "outbox" ("BroadcastId", "ConversationId") WHERE BroadcastId IS NOT NULL;

CREATE INDEX "IX_outbox_BroadcastId_Status" ON "outbox" ("BroadcastId", "Status");

CREATE INDEX "IX_outbox_Channel_ChatId_Id" ON "outbox" ("Channel", "ChatId", "Id");

CREATE INDEX "IX_outbox_Channel_Status_Kind_ChatId" ON "outbox" ("Channel", "Status", "Kind", "ChatId");

CREATE INDEX "IX_outbox_ConversationId_Id" ON "outbox" ("ConversationId", "Id");

CREATE UNIQUE INDEX "IX_outbox_InboxId_Sequence" ON "outbox" ("InboxId", "Sequence");

CREATE INDEX "IX_reach_log_ConversationId" ON "reach_log" ("ConversationId");

CREATE INDEX "IX_register_entries_HouseholdId" ON "register_entries" ("HouseholdId");

CREATE INDEX "IX_register_entries_Phone" ON "register_entries" ("Phone");

CREATE INDEX "IX_register_entries_Year_CommuneCode_Category" ON "register_entries" ("Year", "CommuneCode", "Category");

CREATE UNIQUE INDEX "IX_register_entries_Year_HouseholdId" ON "register_entries" ("Year", "HouseholdId");

CREATE INDEX "IX_resident_profiles_CommuneCode" ON "resident_profiles" ("CommuneCode");

CREATE UNIQUE INDEX "IX_resident_profiles_ConversationId" ON "resident_profiles" ("ConversationId");

CREATE INDEX "IX_resident_profiles_HouseholdId" ON "resident_profiles" ("HouseholdId");

CREATE INDEX "IX_turn_events_ConversationId" ON "turn_events" ("ConversationId");

CREATE INDEX "IX_turn_events_InboxId" ON "turn_events" ("InboxId");

CREATE INDEX "IX_turn_events_Kind_At" ON "turn_events" ("Kind", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125201342_Initial', '10.0.15');

ALTER TABLE "register_entries" ADD "FormerCommuneCode" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202203959_H11FormerCommune', '10.0.15');

CREATE TABLE "screening_tallies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_screening_tallies" PRIMARY KEY AUTOINCREMENT,
    "Day" INTEGER NOT NULL,
    "CommuneCode" TEXT NOT NULL,
    "Result" TEXT NOT NULL,
    "Count" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_screening_tallies_Day_CommuneCode_Result" ON "screening_tallies" ("Day", "CommuneCode", "Result");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202235047_StatsScreeningTallies', '10.0.15');

CREATE TABLE "staff_phrasings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_staff_phrasings" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Topic" TEXT NULL,
    "FaqId" TEXT NULL,
    "SourceConversationId" INTEGER NULL,
    "Edited" INTEGER NOT NULL,
    "CommuneCode" TEXT NULL,
    "GroupSize" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "At" INTEGER NOT NULL
);

CREATE INDEX "IX_staff_phrasings_Kind" ON "staff_phrasings" ("Kind");

CREATE INDEX "IX_staff_phrasings_SourceConversationId" ON "staff_phrasings" ("SourceConversationId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202235559_LoopStaffPhrasings', '10.0.15');

ALTER TABLE "outbox" ADD "ClaimedBy" TEXT NULL;

ALTER TABLE "outbox" ADD "LeaseUntil" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203001410_PgOutboxLeases', '10.0.15');

ALTER TABLE "broadcasts" ADD "ZnsTemplateId" TEXT NULL;

CREATE TABLE "zns_template_parameters" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_zns_template_parameters" PRIMARY KEY AUTOINCREMENT,
    "TemplateId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "MaxLength" INTEGER NULL,
    "Field" TEXT NULL,
    "FixedText" TEXT NULL,
    "UpdatedBy" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_zns_template_parameters_TemplateId_Name" ON "zns_template_parameters" ("TemplateId", "Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261203033356_ZaloZnsTemplateMapping', '10.0.15');

DROP INDEX "IX_outbox_BroadcastId_Status";

DROP INDEX "IX_inbox_Status_Id";

CREATE INDEX "IX_outbox_BroadcastId_Status" ON "outbox" ("BroadcastId", "Status") WHERE BroadcastId IS NOT NULL;

CREATE INDEX "IX_inbox_Status_Id" ON "inbox" ("Status", "Id") WHERE Status = 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206015806_QueueIndexesSkipSettledRows', '10.0.15');

DROP INDEX "IX_outbox_Channel_Status_Kind_ChatId";

CREATE INDEX "IX_outbox_Channel_SentAt" ON "outbox" ("Channel", "SentAt") WHERE Channel = 'zalo-zns' AND Status = 1;

CREATE INDEX "IX_outbox_Channel_Status_Kind_ChatId" ON "outbox" ("Channel", "Status", "Kind", "ChatId") WHERE Status = 0;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206022251_OutboxSenderIndexPendingOnly', '10.0.15');

DROP INDEX "IX_outbox_Channel_ChatId_Id";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206024843_OutboxRepliesByConversationOnly', '10.0.15');

DROP INDEX "IX_turn_events_InboxId";

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206041516_TurnEventsUnindexedInboxKey', '10.0.15');

