export { SlackAdapter, slackMode, type SlackAdapterOptions } from "./slack-adapter";
